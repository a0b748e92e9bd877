using TokenCost.Serving;

namespace TokenCost.Calibration;

/// <summary>The outcome of a calibration: the fitted profiles and the fitted parameter values.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CalibrationResult
{
    /// <summary>Gets the fitted profiles.</summary>
    public ServingProfiles Profiles { get; internal init; } = null!;

    /// <summary>Gets each fitted parameter's value by name (<c>stack.parameter</c> for per-stack values; units in the name: fractions, µs, ms).</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; internal init; } = null!;

    /// <summary>Gets the number of cases that entered the fit.</summary>
    public int CasesUsed { get; internal init; }

    /// <summary>Gets the Levenberg–Marquardt iterations taken.</summary>
    public int Iterations { get; internal init; }

    /// <summary>Gets the final robust cost (sum of squared transformed residuals, priors included; dimensionless).</summary>
    public double Cost { get; internal init; }
}
