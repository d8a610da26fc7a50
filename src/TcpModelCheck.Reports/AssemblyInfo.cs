// TcpModelCheck.Reports: renders TCP traces (message sequence charts, Mermaid, choice paths, JSON) and runs
// variant comparisons. Used by the CLI and by the property suite.
namespace TcpModelCheck.Reports;
