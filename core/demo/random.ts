/** A small seeded PRNG (mulberry32): the same seed gives the same demo data on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  private sequence = 0;

  /**
   * A UUID-shaped id whose first 48 bits count up (as UUIDv7's timestamp
   * does) and the rest is drawn from this generator: reproducible, unique
   * within a run, and ascending, so that bulk inserts append to the primary
   * key and to the [accountId+…] indexes instead of scattering over them;
   * Chromium's LevelDB then has far less to compact at a million rows.
   */
  orderedUuid(): string {
    this.sequence += 1;
    const counter = this.sequence.toString(16).padStart(12, '0');
    let hex = '';
    for (let i = 0; i < 3; i++) {
      const word = (this.next() * 4294967296) >>> 0;
      hex += HEX[word >>> 24]! + HEX[(word >>> 16) & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
    }
    const variant = HEX_DIGITS[8 | (parseInt(hex[3]!, 16) & 0x3)]!;
    return `${counter.slice(0, 8)}-${counter.slice(8, 12)}-7${hex.slice(0, 3)}-${variant}${hex.slice(4, 7)}-${hex.slice(7, 19)}`;
  }
}

const HEX_DIGITS = '0123456789abcdef';
const HEX = Array.from({ length: 256 }, (_, i) => HEX_DIGITS[i >>> 4]! + HEX_DIGITS[i & 15]!);
