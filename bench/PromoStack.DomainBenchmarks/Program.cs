using BenchmarkDotNet.Running;

// Pure-code benchmarks of the Domain (indicators, strategies, backtests). Run with ./promostack bench domain.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
