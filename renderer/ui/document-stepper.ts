// [ and ] step through the list. A press made while a document is still
// opening steps on from where the previous press was heading, so three quick
// presses move three documents (issue 10, bug 9). Opens run one at a time,
// and only the latest target is opened once the one in progress is shown.

export interface StepperHost {
  /** The list's ids in order. */
  visible(): readonly string[];
  /** The document the active pane shows. */
  currentId(): string | undefined;
  open(id: string): Promise<void>;
}

export class DocumentStepper {
  private target?: string;
  private running?: Promise<void>;

  constructor(private readonly host: StepperHost) {}

  step(direction: 1 | -1): void {
    const ids = this.host.visible();
    const from = this.target ?? this.host.currentId();
    const index = from === undefined ? -1 : ids.indexOf(from);
    const next =
      index === -1 && direction === -1 ? ids[ids.length - 1] : ids[(index + direction + ids.length) % ids.length];
    if (!next) return;
    this.target = next;
    this.running ??= this.openTargets().finally(() => {
      this.running = undefined;
      this.target = undefined;
    });
  }

  private async openTargets(): Promise<void> {
    let opened: string | undefined;
    while (this.target !== undefined && this.target !== opened) {
      opened = this.target;
      await this.host.open(opened);
    }
  }
}
