// Reads the files a step writes to talk to the runner: GITHUB_OUTPUT and GITHUB_ENV hold `name=value`
// lines or `name<<DELIMITER` blocks; GITHUB_PATH holds one directory a line.
import { existsSync, readFileSync } from "node:fs";
import { ExecutorError } from "./executor-error.mjs";

export function readKeyValueFile(file, where) {
  const values = {};
  if (!existsSync(file)) return values;
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const equals = line.indexOf("=");
    if (heredoc && (equals < 0 || equals > line.indexOf("<<"))) {
      const [, name, delimiter] = heredoc;
      const body = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) body.push(lines[i++]);
      if (i >= lines.length) throw new ExecutorError(`${where}: '${name}<<${delimiter}' has no closing '${delimiter}' line`);
      values[name] = body.join("\n");
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new ExecutorError(`${where}: line '${line}' is neither 'name=value' nor 'name<<DELIMITER'`);
    }
  }
  return values;
}

export function readPathFile(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split(/\r?\n/).filter((line) => line.trim() !== "");
}
