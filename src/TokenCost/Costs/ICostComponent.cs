using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>
/// One composable term of a deployment's cost: it contributes dollars per hour of the whole deployment.
/// Implement it to add a cost of your own (a licence per GPU, a network charge) and put it in a <see cref="CostModel"/>.
/// </summary>
/// <remarks>Implementations should be immutable and thread-safe and never return NaN or infinity.</remarks>
public interface ICostComponent
{
    /// <summary>Gets a short name shown in breakdowns (for example "hardware (rental)").</summary>
    string Name { get; }

    /// <summary>Gets the category the cost adds to.</summary>
    CostCategory Category { get; }

    /// <summary>Gets the component's cost per hour of the whole deployment (all devices).</summary>
    /// <param name="context">The estimate, the data-centre parameters and the cost of the components evaluated before this one.</param>
    /// <returns>The hourly cost.</returns>
    HourlyRate GetHourlyCost(CostContext context);
}
