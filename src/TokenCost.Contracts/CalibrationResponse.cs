namespace TokenCost.Contracts;

/// <summary>A calibration (<c>tokencost calibrate --format json</c>; the fitted profiles go to <c>--profiles-out</c>).</summary>
public sealed record CalibrationResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the file the fitted profiles were written to.</summary>
    public required string ProfilesFile { get; init; }

    /// <summary>Gets the cases the fit used.</summary>
    public required int CasesUsed { get; init; }

    /// <summary>Gets the solver's iterations.</summary>
    public required int Iterations { get; init; }

    /// <summary>Gets the robust (soft-L1) cost at the optimum.</summary>
    public required double RobustCost { get; init; }

    /// <summary>Gets the fitted parameters by name, each in its own unit (docs/calibration.md).</summary>
    public required IReadOnlyDictionary<string, double> Parameters { get; init; }

    /// <summary>Gets the in-sample accuracy of the fitted profiles.</summary>
    public required AccuracySummaryResponse InSample { get; init; }
}
