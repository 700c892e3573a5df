// A host's Content-Security-Policy, as the browser enforces it: with `--csp`, the server sends
// the policy with every response, and every browser context the checks open reports what the
// policy blocked, from a `securitypolicyviolation` listener in each page (installed through
// DevTools, which the policy does not restrict) and from Chromium's console errors (pages with
// JavaScript off, which run no listener, still log them). A blocked inline script, style or
// worker is found on whichever page a check visits, not only on the pages a CSP check opens.

const BINDING = '__innotrainCspViolation';

export class ViolationLog {
  constructor() {
    /** `{ page, what }`, in the order they were reported. */
    this.violations = [];
  }

  /** `browser` whose `newContext` returns contexts that report their violations here. */
  watching(browser) {
    const log = this;
    return new Proxy(browser, {
      get(target, property) {
        if (property === 'newContext') {
          return async (options) => {
            const context = await target.newContext(options);
            await log.watch(context);
            return context;
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  async watch(context) {
    await context.exposeBinding(BINDING, ({ page }, what) => this.add(page?.url(), what));
    await context.addInitScript((binding) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
        const sample = event.sample ? ` (${event.sample.slice(0, 60)})` : '';
        window[binding](`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}${where}${sample}`);
      });
    }, BINDING);
    context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        this.add(message.page()?.url(), message.text());
      }
    });
  }

  add(page, what) {
    this.violations.push({ page: page ?? '(no page)', what });
  }

  /** One line per distinct violation and page. */
  problems() {
    return [...new Set(this.violations.map(({ page, what }) => `${page}: ${what}`))];
  }
}
