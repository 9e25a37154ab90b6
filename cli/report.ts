// Prints input problems as `file:line: severity: message` and counts them,
// so every command ends with the same exit-code rule: errors -> 1.
import { formatProblem } from '../core/jsonl/validator';
import type { InputProblem } from '../core/model';
import { EXIT, type Io } from './args';
import { terminalSafe } from './terminal';

export class ProblemReport {
  errors = 0;
  warnings = 0;

  constructor(
    private readonly print: (line: string) => void,
    private readonly showWarnings = true,
  ) {}

  add(problems: InputProblem[]): void {
    for (const problem of problems) {
      if (problem.severity === 'error') this.errors++;
      else this.warnings++;
      if (problem.severity === 'error' || this.showWarnings) this.print(terminalSafe(formatProblem(problem)));
    }
  }

  summary(): string {
    return `${this.errors} error${this.errors === 1 ? '' : 's'}, ${this.warnings} warning${this.warnings === 1 ? '' : 's'}`;
  }

  exitCode(): number {
    return this.errors > 0 ? EXIT.problems : EXIT.ok;
  }
}

export const toStderr = (io: Io) => (line: string) => io.err(line);
