using Torch.Fuzz;

// Torch.Fuzz: hostile inputs against the library, each batch of cases in a child process so that a native crash or a
// hang is caught and reported with the seed that replays it.
//   dotnet run --project tests/Torch.Fuzz -- [--ci | --long] [--seed S]     the parent: runs every kind, prints the totals
//   dotnet run --project tests/Torch.Fuzz -- --replay KIND SEED INDEX       one case in this process, verbosely
// The exit code is 0 when no case crashed, hung, blew up memory or changed a value silently; unclear errors are listed.
return Runner.Run(args);
