import type { Vitest } from "vitest/node";
import type { Reporter } from "vitest/reporters";

type TestFile = ReturnType<Vitest["state"]["getFiles"]>[number];
type TestTask = TestFile["tasks"][number];

/**
 * A reporter for mutation runs only: a test file that cannot even be imported
 * becomes one failed test. Stryker's vitest runner (9.6) counts only the tests
 * it collects, and a file that fails to import has none, so a mutant breaking
 * a module at import time (tests/helpers/core.ts loads the bundled content
 * when imported) would be reported as survived although every test of the
 * file fails (stryker-js issue 6150).
 */
export default class LoadFailuresAsFailedTests implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== "fail" || file.tasks.length > 0) continue;
      const failed = {
        type: "test",
        id: `${file.id}_import`,
        name: "the test file is imported",
        mode: "run",
        meta: {},
        file,
        suite: file,
        timeout: 0,
        annotations: [],
        artifacts: [],
        context: undefined,
        result: { state: "fail", errors: file.result.errors ?? [] },
      };
      file.tasks.push(failed as unknown as TestTask);
    }
  }
}
