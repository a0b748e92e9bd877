namespace TokenCost.Catalogs;

/// <summary>The kind of catalog entry an id names.</summary>
public enum CatalogEntryKind
{
    /// <summary>A hardware platform (<see cref="Catalog.GetHardware"/>).</summary>
    Hardware,

    /// <summary>A model architecture (<see cref="Catalog.GetModel"/>).</summary>
    Model,

    /// <summary>A numeric format: weights, activations or KV cache (<see cref="Catalog.GetFormat"/>).</summary>
    Format,

    /// <summary>A serving stack (<see cref="Catalog.GetStack"/>).</summary>
    ServingStack,
}
