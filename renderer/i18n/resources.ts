import type { Resource, ResourceLanguage } from 'i18next';

/**
 * Every `locales/<lang>/<namespace>.json` bundled into the renderer: no HTTP
 * backend, the app works offline and each window has all strings at start.
 * A namespace added by any part of the app is picked up without code changes.
 */
const modules = import.meta.glob<{ default: ResourceLanguage[string] }>('../../locales/*/*.json', { eager: true });

export const LANGUAGES = ['kk', 'ru'] as const;

export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, module] of Object.entries(modules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match;
    if (!language || !namespace) continue;
    resources[language] ??= {};
    resources[language][namespace] = module.default;
  }
  return resources;
}

export function bundledNamespaces(): string[] {
  const names = new Set<string>();
  for (const language of Object.values(bundledResources())) {
    for (const namespace of Object.keys(language)) names.add(namespace);
  }
  return [...names].sort();
}
