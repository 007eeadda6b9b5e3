using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Workbench.Benchmarks;

// workbench-benchmarks circuits …   load through real Blazor circuits (see CircuitLoad)
// workbench-benchmarks [BenchmarkDotNet arguments, e.g. --filter *]   the stage micro-benchmarks
if (args is ["circuits", ..])
{
    return await CircuitLoad.RunAsync(args[1..]);
}

// In process: the benchmarks need the model files and the repository beside them, not a generated project.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args, config);
return 0;
