// An error in the workflow or in how the executor was called: the run stops and says where and why.
export class ExecutorError extends Error {
  constructor(message) {
    super(message);
    this.name = "ExecutorError";
  }
}
