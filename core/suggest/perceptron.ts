// An averaged perceptron over integer feature ids (Collins 2002), the
// classifier inside the sequence tagger. Features are interned to ids once,
// weights live in one growing Float64Array (id * classes + class), and
// averaging is lazy (a timestamp per weight), so training 1,000 documents
// takes seconds. Written here rather than taken from wink-perceptron because
// that package classifies one example at a time from string-keyed features
// and keeps its model in its own shape; the tagger needs int features,
// previous-tag features in the loop, and a plain-JSON model it owns.

export interface PerceptronJson {
  readonly classes: readonly string[];
  readonly features: readonly string[];
  /** Averaged weights, feature-major, rounded to 4 decimals. */
  readonly weights: readonly number[];
}

/** Feature names and their ids; several perceptrons (one per label) may share one. */
export class FeatureIndex {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string, grow: boolean): number {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    if (!grow) return -1;
    this.ids.set(name, this.names.length);
    this.names.push(name);
    return this.names.length - 1;
  }
}

export class Perceptron {
  readonly classes: readonly string[];
  private readonly index: FeatureIndex;
  private weights = new Float64Array(1024);
  private totals = new Float64Array(1024);
  private stamps = new Float64Array(1024);
  private clock = 0;

  constructor(classes: readonly string[], index: FeatureIndex = new FeatureIndex()) {
    this.classes = classes;
    this.index = index;
  }

  private get names(): string[] {
    return this.index.names;
  }

  /** The id of a feature; new ones are added while training, unknown ones are -1 otherwise. */
  featureId(name: string, grow: boolean): number {
    const id = this.index.id(name, grow);
    if (id >= 0 && grow) this.reserve(id);
    return id;
  }

  /** Makes room for the weights of feature ids up to `id` (ids from a shared index). */
  reserve(id: number): void {
    const need = (id + 1) * this.classes.length;
    if (need > this.weights.length) {
      const size = Math.max(need, this.weights.length * 2);
      for (const key of ['weights', 'totals', 'stamps'] as const) {
        const bigger = new Float64Array(size);
        bigger.set(this[key]);
        this[key] = bigger;
      }
    }
  }

  /** Score of every class for the first `n` feature ids (all of them by default). */
  scores(features: ArrayLike<number>, n = features.length): Float64Array {
    const k = this.classes.length;
    const out = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const f = features[i];
      if (f < 0) continue;
      const base = f * k;
      for (let c = 0; c < k; c++) out[c] += this.weights[base + c];
    }
    return out;
  }

  predict(features: ArrayLike<number>, n = features.length): number {
    const s = this.scores(features, n);
    let best = 0;
    for (let c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
    return best;
  }

  private bump(index: number, delta: number): void {
    this.totals[index] += (this.clock - this.stamps[index]) * this.weights[index];
    this.stamps[index] = this.clock;
    this.weights[index] += delta;
  }

  /** One training step: if `guess` is wrong, move weights toward `truth`. */
  update(features: ArrayLike<number>, truth: number, guess: number, times = 1, n = features.length): void {
    this.clock++;
    if (truth === guess) return;
    const k = this.classes.length;
    for (let i = 0; i < n; i++) {
      const f = features[i];
      if (f < 0) continue;
      this.bump(f * k + truth, times);
      this.bump(f * k + guess, -times);
    }
  }

  /** Replaces the weights by their averages over all steps (call once, after training). */
  average(): void {
    for (let i = 0; i < Math.min(this.weights.length, this.names.length * this.classes.length); i++) {
      const total = this.totals[i] + (this.clock - this.stamps[i]) * this.weights[i];
      this.weights[i] = this.clock === 0 ? this.weights[i] : total / this.clock;
    }
  }

  toJSON(): PerceptronJson {
    const k = this.classes.length;
    const features: string[] = [];
    const weights: number[] = [];
    this.names.forEach((name, id) => {
      if ((id + 1) * k > this.weights.length) return;
      const row = Array.from(this.weights.subarray(id * k, id * k + k), (w) => Math.round(w * 1e4) / 1e4);
      if (row.some((w) => w !== 0)) {
        features.push(name);
        weights.push(...row);
      }
    });
    return { classes: [...this.classes], features, weights };
  }

  static fromJSON(json: PerceptronJson): Perceptron {
    const p = new Perceptron(json.classes);
    const k = json.classes.length;
    if (json.weights.length !== json.features.length * k) throw new Error('model weights do not match its features');
    json.features.forEach((name, i) => {
      const id = p.featureId(name, true);
      for (let c = 0; c < k; c++) p.weights[id * k + c] = json.weights[i * k + c];
    });
    return p;
  }
}
