// The suite's report: one line per check as it finishes (`ok` / `FAIL` with details), and a
// summary that repeats every failure at the end, so a CI log shows them together.

export class Report {
  constructor(out = process.stdout) {
    this.out = out;
    this.passed = 0;
    this.failures = [];
    this.started = Date.now();
  }

  /** A passed check. */
  ok(name, note = '') {
    this.passed += 1;
    this.line(`ok   ${name}${note ? ` (${note})` : ''}`);
  }

  /** A failed check; `details` are lines explaining what is wrong. */
  fail(name, details = []) {
    const lines = Array.isArray(details) ? details : [String(details)];
    this.failures.push({ name, lines });
    this.line(`FAIL ${name}`);
    for (const detail of lines) {
      this.line(`     ${detail}`);
    }
  }

  /** `ok` when `problems` is empty, else `fail` with them. */
  check(name, problems, note = '') {
    if (problems.length === 0) {
      this.ok(name, note);
    } else {
      this.fail(name, problems);
    }
  }

  /**
   * Runs `body` as the check `name`; an exception, or taking longer than `seconds`, fails it
   * instead of the whole suite.
   */
  async guard(name, body, seconds = 90) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${seconds} s`)), seconds * 1000);
    });
    try {
      await Promise.race([body(), timeout]);
    } catch (error) {
      this.fail(name, [`error: ${error?.message?.split('\n')[0] ?? error}`]);
    } finally {
      clearTimeout(timer);
    }
  }

  info(text) {
    this.line(`     ${text}`);
  }

  section(title) {
    this.line(`\n== ${title}`);
  }

  line(text) {
    this.out.write(`${text}\n`);
  }

  /** Prints the summary; returns the process exit code (0 when every check passed). */
  finish() {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const total = this.passed + this.failures.length;
    this.line('');
    if (this.failures.length > 0) {
      this.line(`failures (${this.failures.length}):`);
      for (const { name, lines } of this.failures) {
        this.line(`  ${name}`);
        for (const detail of lines) {
          this.line(`    ${detail}`);
        }
      }
    }
    this.line(`browser suite: ${total} checks, ${this.failures.length} failed, in ${seconds} s`);
    return this.failures.length === 0 ? 0 : 1;
  }
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of results. */
export async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
