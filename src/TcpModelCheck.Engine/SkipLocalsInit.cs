// Locals and stackalloc buffers are not zeroed: the hot path (a Step working copy and its segment buffer per transition,
// encoding buffers) writes everything it reads. Measured in issue 10 (session 7); see src/TcpModelCheck.Bench/README.md.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
