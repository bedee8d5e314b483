// Times the facade against raw TorchSharp in one run and prints ratios (targets in README/issues).
using Torch;
using Torch.Benchmarks;

torch.SetNumThreads(1); // a facade call first: it makes libtorch loadable on this machine
Console.WriteLine($"benchmarks on {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
// an argument picks groups by name ("tensor", "nn", "random"); none runs them all
bool Picked(string group) => args.Length == 0 || args.Contains(group, StringComparer.OrdinalIgnoreCase);
bool ok = true;
if (Picked("tensor")) ok &= TensorBenchmarks.Run();
if (Picked("nn")) ok &= NnBenchmarks.Run();
if (Picked("random")) ok &= RandomBenchmarks.Run();
if (args.Contains("convroutes")) ConvRoutes.Run();
Console.WriteLine(ok ? "all targets met" : "some targets missed");
return ok ? 0 : 1;
