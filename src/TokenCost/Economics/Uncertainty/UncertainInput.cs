namespace TokenCost.Economics.Uncertainty;

/// <summary>The uncertain inputs of a cost-uncertainty analysis, one per member of <see cref="UncertaintyAssumptions"/>.</summary>
public enum UncertainInput
{
    /// <summary><see cref="UncertaintyAssumptions.PricePerDeviceHour"/>: the hardware price per device-hour, USD/h.</summary>
    PricePerDeviceHour,

    /// <summary><see cref="UncertaintyAssumptions.Utilization"/>: the fraction of paid hours producing tokens.</summary>
    Utilization,

    /// <summary><see cref="UncertaintyAssumptions.ElectricityPrice"/>: the electricity price, USD/kWh.</summary>
    ElectricityPrice,

    /// <summary><see cref="UncertaintyAssumptions.PowerUsageEffectiveness"/>: the PUE.</summary>
    PowerUsageEffectiveness,

    /// <summary><see cref="UncertaintyAssumptions.PowerFactor"/>: the multiplier on the modelled accelerator power.</summary>
    PowerFactor,

    /// <summary><see cref="UncertaintyAssumptions.EstimatorError"/>: the multiplier on the estimated time per output token.</summary>
    EstimatorError,
}
