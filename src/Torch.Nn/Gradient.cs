namespace Torch.Nn;

/// <summary>How a module's backward is computed; each module declares one as its <see cref="Module.Gradient"/>.
/// Example: <c>protected internal override Gradient Gradient => Gradient.Formulas;</c></summary>
public enum Gradient
{
    /// <summary>libtorch autograd over the module's <see cref="Module.UpdateOutput"/> (the default for a module that writes only its
    /// forward; a training forward records the graph). Example: <c>protected internal override Gradient Gradient => Gradient.Autograd;</c></summary>
    Autograd,

    /// <summary>The module's own <see cref="Module.UpdateGradInput"/> / <see cref="Module.AccGradParameters"/>, as Lua's are written.
    /// Example: <c>protected internal override Gradient Gradient => Gradient.Formulas;</c></summary>
    Formulas,
}
