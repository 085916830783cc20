namespace VirtLint.Core.Schema;

/// <summary>What a schema checker reports; each is its own rule, so each can be configured on its own.</summary>
public enum SchemaAspect
{
    /// <summary>VL0010: an element the context does not allow.</summary>
    UnknownElement,

    /// <summary>VL0011: an attribute the context does not allow.</summary>
    UnknownAttribute,

    /// <summary>VL0012: an attribute value or element text outside the closed set the context allows.</summary>
    ValueNotInEnumeration,
}
