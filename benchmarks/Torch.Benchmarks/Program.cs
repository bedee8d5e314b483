// Times the facade against raw TorchSharp in one run and prints ratios (targets in README/issues).
using Torch;
using Torch.Benchmarks;

torch.SetNumThreads(1); // a facade call first: it makes libtorch loadable on this machine
Console.WriteLine($"benchmarks on {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}, load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
// arguments pick groups by name ("tensor", "nn", "random", "charrnn", "threads", "dcgan", "resnet"; "convroutes", "convmm", "convprofile",
// "gemm", "charrnn-profile", "charrnn-memory", "nnprofile" only when named); none runs them all. "busy" runs the picked groups twice: on the
// machine as it is, then beside a process that keeps one core busy (the issue's "beside other work")
bool busy = args.Contains("busy", StringComparer.OrdinalIgnoreCase);
var groups = args.Where(a => !a.Equals("busy", StringComparison.OrdinalIgnoreCase)).ToArray();
bool Picked(string group) => groups.Length == 0 || groups.Contains(group, StringComparer.OrdinalIgnoreCase);
bool RunGroups()
{
    bool ok = true;
    if (Picked("tensor")) ok &= TensorBenchmarks.Run();
    if (Picked("nn")) ok &= NnBenchmarks.Run();
    if (Picked("random")) ok &= RandomBenchmarks.Run();
    if (Picked("charrnn")) ok &= CharRnnBenchmark.Run();
    if (Picked("threads")) ok &= ThreadsBenchmarks.Run();
    if (Picked("dcgan")) ok &= ConvNetBenchmarks.RunDcgan();
    if (Picked("resnet")) ok &= ConvNetBenchmarks.RunResNet();
    return ok;
}
bool ok = RunGroups();
if (busy)
{
    using var spin = new BusyCore();
    Console.WriteLine($"beside a process keeping one core busy, load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
    ok &= RunGroups();
}
if (args.Contains("convroutes", StringComparer.OrdinalIgnoreCase)) ConvRoutes.Run();
if (args.Contains("convmm", StringComparer.OrdinalIgnoreCase)) ConvRoutes.Shapes();
if (args.Contains("gemm", StringComparer.OrdinalIgnoreCase)) GemmShapes.Run();
if (args.Contains("charrnn-profile", StringComparer.OrdinalIgnoreCase)) CharRnnBenchmark.Profile();
if (args.Contains("charrnn-memory", StringComparer.OrdinalIgnoreCase)) CharRnnBenchmark.Memory();
if (args.Contains("convprofile", StringComparer.OrdinalIgnoreCase)) ConvNetBenchmarks.Profile();
if (args.Contains("nnprofile", StringComparer.OrdinalIgnoreCase)) NnBenchmarks.Profile();
Console.WriteLine(ok ? "all targets met" : "some targets missed (see the lines marked MISSED; the figures depend on the machine's load)");
return 0; // a report, not a test: the exit code does not depend on the machine's load
