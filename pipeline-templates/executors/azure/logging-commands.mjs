// ##vso[area.action key=value;key=value]message lines, as the agent reads them from a step's output:
// https://learn.microsoft.com/en-us/azure/devops/pipelines/scripts/logging-commands
import { ExecutorError } from "../github/executor-error.mjs";

const pattern = /^##vso\[([A-Za-z]+\.[A-Za-z]+)(?:\s+([^\]]*))?\](.*)$/;

/** The command on a line ({ name, properties (lower-case keys), value }), or undefined for ordinary output. */
export function parseLoggingCommand(line, where) {
  const start = line.indexOf("##vso[");
  if (start < 0) return undefined;
  const match = pattern.exec(line.slice(start).trimEnd());
  if (!match) throw new ExecutorError(`${where}: malformed logging command '${line}'`);
  const properties = {};
  for (const part of (match[2] ?? "").split(";").map((text) => text.trim()).filter(Boolean)) {
    const equals = part.indexOf("=");
    if (equals < 0) throw new ExecutorError(`${where}: logging command property '${part}' has no value`);
    properties[part.slice(0, equals).trim().toLowerCase()] = part.slice(equals + 1).trim();
  }
  return { name: match[1].toLowerCase(), properties, value: match[3] };
}
