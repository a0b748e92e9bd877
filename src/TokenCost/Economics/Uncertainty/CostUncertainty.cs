using MathNet.Numerics.Random;
using TokenCost.Costs;
using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Economics.Uncertainty;

/// <summary>
/// Propagates input uncertainty to $/1M output tokens by Monte Carlo (seeded Mersenne Twister, reproducible) and one-at-a-time swings.
/// </summary>
/// <remarks>
/// <para>This type is stateless and thread-safe. From a priced estimate with hourly hardware H, energy E and serving S costs and
/// k hours of deployment time per million output tokens, one sample's cost is</para>
/// <para>C = [H·(p ÷ p₀) + E·(e ÷ e₀)·(PUE ÷ PUE₀)·w]·(1 + S ÷ (H + E)) × k × ε ÷ u,</para>
/// <para>with p the price per device-hour, e the electricity price, w the power factor, ε the estimator error on TPOT and u the
/// utilisation; subscript 0 marks the values the estimate was priced with. Serving overhead is taken as proportional to hardware +
/// energy (the default model's fixed part is zero).</para>
/// </remarks>
public static class CostUncertainty
{
    /// <summary>The most Monte Carlo samples one analysis draws: 10 million (80 MB of samples; the P10/P50/P90 are stable to well under 0.1 % long before).</summary>
    public const int MaxSamples = 10_000_000;

    /// <summary>Runs the analysis.</summary>
    /// <param name="report">The priced estimate.</param>
    /// <param name="pricedPue">The PUE the estimate was priced with, ≥ 1.</param>
    /// <param name="pricedElectricity">The electricity price the estimate was priced with.</param>
    /// <param name="assumptions">The input distributions.</param>
    /// <param name="samples">Monte Carlo samples, ≥ 10.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The distribution and the tornado table.</returns>
    public static UncertaintyResult Analyze(TokenCostReport report, double pricedPue, EnergyPrice pricedElectricity, UncertaintyAssumptions assumptions, int samples = 10_000, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(assumptions);
        Guard.PositiveFinite(pricedPue);
        if (samples is < 10 or > MaxSamples)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, FormattableString.Invariant($"samples must be an integer from 10 to {MaxSamples}."));
        }

        var model = new Model(report, pricedPue, pricedElectricity.UsdPerKilowattHour);
        var inputs = Inputs(assumptions);
        var random = new MersenneTwister(seed);
        var costs = new double[samples];
        var values = new double[inputs.Count];
        for (var i = 0; i < samples; i++)
        {
            for (var j = 0; j < inputs.Count; j++)
            {
                values[j] = inputs[j].Value.Sample(random);
            }

            costs[i] = model.Cost(values);
        }

        Array.Sort(costs);
        var medians = inputs.Select(x => x.Value.Median).ToArray();
        var sensitivity = new List<SensitivityEntry>();
        for (var j = 0; j < inputs.Count; j++)
        {
            var low = (double[])medians.Clone();
            var high = (double[])medians.Clone();
            low[j] = inputs[j].Value.Kind == DistributionKind.Fixed ? medians[j] : inputs[j].Value.Quantile(0.1);
            high[j] = inputs[j].Value.Kind == DistributionKind.Fixed ? medians[j] : inputs[j].Value.Quantile(0.9);
            sensitivity.Add(new SensitivityEntry
            {
                Input = inputs[j].Name,
                Distribution = inputs[j].Value.ToString(),
                InputP10 = low[j],
                InputP90 = high[j],
                CostAtP10 = Money.FromUsd(model.Cost(low)),
                CostAtP90 = Money.FromUsd(model.Cost(high)),
            });
        }

        return new UncertaintyResult
        {
            Deterministic = report.CostPerMillionOutputTokens,
            P10 = Money.FromUsd(Quantile(costs, 0.1)),
            P50 = Money.FromUsd(Quantile(costs, 0.5)),
            P90 = Money.FromUsd(Quantile(costs, 0.9)),
            Mean = Money.FromUsd(costs.Average()),
            Samples = samples,
            Seed = seed,
            Sensitivity = sensitivity.OrderByDescending(s => s.SwingUsd).ToList(),
        };
    }

    /// <summary>The empirical quantile of a sorted sample with linear interpolation between order statistics (R-7, as in Excel and NumPy).</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static List<(UncertainInput Name, UncertainValue Value)> Inputs(UncertaintyAssumptions a) =>
    [
        (UncertainInput.PricePerDeviceHour, a.PricePerDeviceHour),
        (UncertainInput.Utilization, a.Utilization),
        (UncertainInput.ElectricityPrice, a.ElectricityPrice),
        (UncertainInput.PowerUsageEffectiveness, a.PowerUsageEffectiveness),
        (UncertainInput.PowerFactor, a.PowerFactor),
        (UncertainInput.EstimatorError, a.EstimatorError),
    ];

    private sealed class Model
    {
        private readonly double _hardware;
        private readonly double _energy;
        private readonly double _servingFactor;
        private readonly double _hoursPerMillion;
        private readonly double _pricePerDevice;
        private readonly double _pue;
        private readonly double _electricity;

        public Model(TokenCostReport report, double pue, double electricity)
        {
            _hardware = report.HardwareCostPerHour.UsdPerHour;
            _energy = report.EnergyCostPerHour.UsdPerHour;
            var baseCost = _hardware + _energy;
            _servingFactor = baseCost > 0 ? 1 + (report.ServingCostPerHour.UsdPerHour / baseCost) : 1;
            _hoursPerMillion = report.TotalCostPerHour.UsdPerHour > 0 ? report.CostPerMillionOutputTokens.Usd / report.TotalCostPerHour.UsdPerHour : 0;
            _pricePerDevice = _hardware / report.Estimate.Configuration.Devices;
            _pue = pue;
            _electricity = electricity;
        }

        // values: price per device-hour, utilization, electricity, PUE, power factor, estimator error.
        public double Cost(double[] v)
        {
            var hardware = _pricePerDevice > 0 ? _hardware * (v[0] / _pricePerDevice) : 0;
            var energy = _electricity > 0 ? _energy * (v[2] / _electricity) * (v[3] / _pue) * v[4] : 0;
            var utilization = Math.Max(v[1], 1e-6);
            return (hardware + energy) * _servingFactor * _hoursPerMillion * v[5] / utilization;
        }
    }
}
