/// `Request`, `Parameter` and `ParameterValue` are part of the contract model (ConformanceSpec, where the
/// one evaluator judges them); code that speaks the query protocol sees them through this module as before.
@_exported import ConformanceSpec
