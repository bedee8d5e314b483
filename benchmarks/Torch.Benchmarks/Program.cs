// Times the facade against raw TorchSharp in one run and prints ratios (targets in README/issues).
using Torch;
using Torch.Benchmarks;

torch.SetNumThreads(1); // a facade call first: it makes libtorch loadable on this machine
Console.WriteLine($"benchmarks on {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
bool ok = TensorBenchmarks.Run();
ok &= NnBenchmarks.Run();
ok &= RandomBenchmarks.Run();
Console.WriteLine(ok ? "all targets met" : "some targets missed");
return ok ? 0 : 1;
