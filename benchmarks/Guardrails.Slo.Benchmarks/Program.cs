using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Guardrails.Slo.Benchmarks.ValidateSloFilesBenchmark).Assembly).Run(args);
