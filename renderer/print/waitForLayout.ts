/** Every glyph the documents need from the bundled font: Kazakh letters, the tenge sign, digits. */
const SAMPLE = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі ₸ 0123456789 АБВабв ABCabc №';
const WEIGHTS = ['400', '600', '700'];

/**
 * Resolves when the page can be printed as it will look: the bundled font's
 * faces (every subset the text uses) loaded, images decoded, and two frames
 * drawn after that. Rejects after `timeoutMs` (a font that never loads must
 * not hang a print job; main has its own, longer, timeout too).
 */
export async function waitForLayout(doc: Document, timeoutMs = 15_000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`fonts or images not ready after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await Promise.all(WEIGHTS.map((weight) => doc.fonts.load(`${weight} 10pt "Noto Sans"`, SAMPLE)));
        await doc.fonts.ready;
        await Promise.all([...doc.images].map((image) => image.decode().catch(() => undefined)));
        await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
