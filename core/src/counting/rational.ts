/**
 * Exact rational numbers on BigInt, always normalised (denominator > 0, gcd 1).
 * Used wherever a comparison decides an outcome; the fast paths use float64 and fall back here.
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** A normalised rational `num / den`. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = typeof num === 'number' ? toBigIntExact(num) : num;
    let d = typeof den === 'number' ? toBigIntExact(den) : den;
    if (d === 0n) throw new RangeError('Division by zero.');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /**
   * Parses a plain decimal (`12`, `-3.25`, `.5`, `1e3` is refused). Returns null when the text is not one.
   */
  static parseDecimal(text: string): Rational | null {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
    if (!m) return null;
    const whole = m[2] ?? '';
    const frac = m[3] ?? '';
    if (whole === '' && frac === '') return null;
    const digits = BigInt((whole || '0') + frac);
    const r = Rational.of(m[1] === '-' ? -digits : digits, 10n ** BigInt(frac.length));
    return r;
  }

  /** The exact value of a finite double (every double is a dyadic rational). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
    if (Number.isInteger(x)) return Rational.of(BigInt(x));
    const parsed = Rational.parseDecimal(String(x));
    if (parsed && parsed.toNumber() === x) return parsed;
    // Exact binary expansion as a last resort.
    let den = 1n;
    let v = x;
    while (!Number.isInteger(v)) {
      v *= 2;
      den *= 2n;
    }
    return Rational.of(BigInt(v), den);
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num - o.num, this.den);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  mulInt(k: bigint): Rational {
    return Rational.of(this.num * k, this.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Division by zero.');
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  min(o: Rational): Rational {
    return this.cmp(o) <= 0 ? this : o;
  }
  /** Largest integer not above this value. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  toNumber(): number {
    if (this.den === 1n) return Number(this.num);
    const n = Number(this.num);
    const d = Number(this.den);
    if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
    // Huge numerators or denominators: drop the same number of low bits from both first.
    const bits = Math.max(bitLength(this.num < 0n ? -this.num : this.num), bitLength(this.den));
    const shift = BigInt(Math.max(0, bits - 1020));
    return Number(this.num >> shift) / Number(this.den >> shift);
  }
  /** Exact decimal text when the value has a finite decimal expansion, else `digits` decimals rounded half away from zero. */
  toDecimal(digits = 6): string {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    const places = d === 1n ? Math.max(twos, fives) : digits;
    const scale = 10n ** BigInt(places);
    const neg = this.num < 0n;
    const abs = neg ? -this.num : this.num;
    let scaled = (abs * scale) / this.den;
    const rem = abs * scale - scaled * this.den;
    if (rem * 2n >= this.den && d !== 1n) scaled += 1n;
    let s = scaled.toString();
    if (places > 0) {
      s = s.padStart(places + 1, '0');
      s = `${s.slice(0, -places)}.${s.slice(-places)}`;
      s = s.replace(/0+$/, '').replace(/\.$/, '');
    }
    return (neg && s !== '0' ? '-' : '') + s;
  }
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
  toJSON(): string {
    return this.toDecimal();
  }
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function toBigIntExact(x: number): bigint {
  if (!Number.isInteger(x)) throw new RangeError(`Not an integer: ${x}`);
  return BigInt(x);
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}
