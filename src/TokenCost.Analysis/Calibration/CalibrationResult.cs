using TokenCost.Serving;

namespace TokenCost.Calibration;

/// <summary>The outcome of a calibration: the fitted profiles and the fitted parameter values.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CalibrationResult
{
    /// <summary>Gets the fitted profiles.</summary>
    public required ServingProfiles Profiles { get; init; }

    /// <summary>Gets each fitted parameter's value by name (<c>stack.parameter</c> for per-stack values; units in the name: fractions, µs, ms).</summary>
    public required IReadOnlyDictionary<string, double> Parameters { get; init; }

    /// <summary>Gets the number of cases that entered the fit.</summary>
    public required int CasesUsed { get; init; }

    /// <summary>Gets the Levenberg–Marquardt iterations taken.</summary>
    public required int Iterations { get; init; }

    /// <summary>Gets the final robust cost (sum of squared transformed residuals, priors included; dimensionless).</summary>
    public required double Cost { get; init; }
}
