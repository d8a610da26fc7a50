// The live tests measure the kernel's timing (a FIN due within the script's tolerance): test classes running in
// parallel (a spawned tcpmc process, another script's TUN reader) compete for the two cores and make a read late.
// They run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
