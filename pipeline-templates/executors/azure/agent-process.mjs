// A step's process as the agent runs it: its own process group, output relayed line by line, and on
// cancellation SIGINT first, then SIGTERM after the same grace period as the GitHub executor (the GitHub
// runner is a fork of the Azure Pipelines agent and kept its cancellation).
import { spawn } from "node:child_process";

const cancelGraceMilliseconds = 7500;

/**
 * Starts file with args; onLine gets every stdout and stderr line; onStart gets a handle whose cancel()
 * interrupts the process. Resolves to the exit code, or "cancelled", or "timed-out".
 */
export function runProcess(file, args, { env, cwd, onLine, onStart, timeoutMinutes }) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let ending;
    let graceTimer;
    const signal = (name) => {
      try { process.kill(-child.pid, name); } catch { /* already gone */ }
    };
    const stop = (why) => {
      if (ending) return;
      ending = why;
      signal("SIGINT");
      graceTimer = setTimeout(() => signal("SIGTERM"), cancelGraceMilliseconds);
    };
    onStart?.({ cancel: () => stop("cancelled") });
    const stepTimer = timeoutMinutes ? setTimeout(() => stop("timed-out"), timeoutMinutes * 60_000) : undefined;
    const relay = (stream) => {
      let rest = "";
      stream.on("data", (chunk) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop();
        for (const line of lines) onLine(line);
      });
      stream.on("end", () => rest && onLine(rest));
    };
    relay(child.stdout);
    relay(child.stderr);
    child.on("error", (error) => onLine(`cannot start ${file}: ${error.message}`));
    child.on("close", (code) => {
      clearTimeout(graceTimer);
      clearTimeout(stepTimer);
      resolve(ending ?? code ?? 1);
    });
  });
}
