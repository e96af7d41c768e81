/**
 * The app's identity. IndexedDB and every other piece of stored data are
 * keyed by the origin (scheme + host) and by the userData folder, which
 * Electron derives from the product name; Windows groups taskbar entries and
 * notifications by the app id. Changing any of these after a release strands
 * the users' data, so they are constants, checked by tests against
 * electron-builder.yml and package.json.
 */
export const APP_ID = 'kz.esep.backoffice';
export const PRODUCT_NAME = 'Esep Back-office';

export const APP_SCHEME = 'app';
export const APP_HOST = 'backoffice';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
