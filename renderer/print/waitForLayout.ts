/**
 * Every subset of the bundled font the documents use: the Kazakh letters
 * (Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і, cyrillic-ext), Russian letters
 * (cyrillic), the tenge sign ₸ (latin-ext), № and Latin digits. Code points, not
 * text: this is no message to anyone.
 */
const SAMPLE = String.fromCodePoint(
  ...[0x4d8, 0x4d9, 0x492, 0x493, 0x49a, 0x49b, 0x4a2, 0x4a3, 0x4e8, 0x4e9, 0x4b0, 0x4b1, 0x4ae, 0x4af, 0x4ba, 0x4bb, 0x406, 0x456],
  ...[0x410, 0x430, 0x20b8, 0x2116, 0x30, 0x39, 0x41, 0x61],
);
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
