using TokenCost.Internal;

namespace TokenCost.Costs;

/// <summary>An immutable list of cost components; the token cost is their sum divided by tokens.</summary>
/// <remarks>This type is immutable and thread-safe. Serving components are evaluated after hardware and energy ones so they can scale with them.</remarks>
public sealed class CostModel
{
    private CostModel(IReadOnlyList<ICostComponent> components) => Components = components;

    /// <summary>Gets the components, in evaluation order.</summary>
    public IReadOnlyList<ICostComponent> Components { get; }

    /// <summary>Gets the default model: rental hardware at the catalog's cloud price, energy, and serving overhead.</summary>
    public static CostModel Default { get; } = new([new RentalHardwareCost(), new EnergyCost(), new ServingOverheadCost()]);

    /// <summary>Creates a model from components.</summary>
    /// <param name="components">The components; at least one.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">No component is given, or one is null.</exception>
    public static CostModel Create(params IEnumerable<ICostComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var list = components.ToList();
        if (list.Count == 0 || list.Any(c => c is null))
        {
            throw new ArgumentException("a cost model needs at least one component and no null components.", nameof(components));
        }

        return new CostModel(list.OrderBy(c => c.Category == CostCategory.Serving ? 1 : 0).ToList());
    }

    /// <summary>Returns this model with a component added.</summary>
    /// <param name="component">The component.</param>
    /// <returns>The new model.</returns>
    public CostModel With(ICostComponent component) => Create(Components.Append(Guard.NotNull(component)));

    /// <summary>Returns this model with every component of the new one's category replaced by it (for example a purchase instead of a rental).</summary>
    /// <param name="component">The replacement.</param>
    /// <returns>The new model.</returns>
    public CostModel Replace(ICostComponent component)
    {
        Guard.NotNull(component);
        return Create(Components.Where(c => c.Category != component.Category).Append(component));
    }
}
