using System;

namespace Guardrails.RealWorldCorpus;

/// <summary>Bad input to the runner (label file, sources folder): the message says where and what to do.</summary>
internal sealed class CorpusInputException(string message) : Exception(message);
