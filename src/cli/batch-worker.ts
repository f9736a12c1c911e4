/**
 * A worker thread of `budget validate DIR`: validates the files it is sent, one at a time, and
 * answers each with the file's report or the reason it cannot be used.
 */
import { parentPort } from 'worker_threads';
import { UserError } from './errors';
import { FileReport, exitCodeOf, validateFile } from './validate-file';

export interface Task {
  /** Absolute path, and the name the report gives it (path relative to the folder). */
  file: string;
  name: string;
}

export interface Outcome {
  name: string;
  code: 0 | 1 | 2;
  report?: FileReport;
  /** Why the file cannot be used: one Chinese line. */
  error?: string;
}

export async function checkTask(task: Task): Promise<Outcome> {
  try {
    const { report } = await validateFile(task.file, { name: task.name });
    return { name: task.name, code: exitCodeOf(report), report };
  } catch (e) {
    if (e instanceof UserError) return { name: task.name, code: 2, error: e.userMessage };
    return { name: task.name, code: 2, error: `内部错误：${e instanceof Error ? e.message : String(e)}` };
  }
}

// Started as a worker (not merely imported): answer tasks.
if (parentPort && require.main === module) {
  const port = parentPort;
  port.on('message', (task: Task) => {
    void checkTask(task).then((o) => port.postMessage(o));
  });
}
