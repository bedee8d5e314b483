// Tests share process-wide state (the default tensor type, the random seed, libtorch's thread count): run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
