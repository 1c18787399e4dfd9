// Stops what was started, last started first, once, on SIGINT/SIGTERM or on a failed start.
export class Shutdown {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly log: (line: string) => void) {}

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
          this.log(`已停止 ${step.name}`);
        } catch (err) {
          this.log(`停止 ${step.name} 时出错 / error while stopping: ${String(err)}`);
        }
      }
    })();
    return this.running;
  }

  /** Runs the steps on the first SIGINT/SIGTERM; a second one forces the exit. */
  onSignals(onDone: () => void): void {
    let signalled = false;
    const handler = (signal: NodeJS.Signals) => {
      if (signalled) {
        this.log(`再次收到 ${signal}，强制退出 / forced exit`);
        process.exit(130);
      }
      signalled = true;
      this.log(`收到 ${signal}，正在停止… / stopping…`);
      void this.run().then(onDone);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  }
}
