namespace Torch.Nn;

/// <summary>How a module's backward is computed; each module declares one as its <see cref="Module.Gradient"/>.
/// Example: <c>protected internal override Gradient Gradient => Gradient.Formulas;</c></summary>
public enum Gradient
{
    /// <summary>libtorch autograd over the module's <see cref="Module.UpdateOutput"/>, for a module that writes only its forward: a
    /// training forward records the graph, so the backward does not run the forward again. Example: <c>protected internal override Gradient Gradient => Gradient.Autograd;</c></summary>
    Autograd,

    /// <summary>The module's own <see cref="Module.UpdateGradInput"/> / <see cref="Module.AccGradParameters"/>, as Lua's are written
    /// (the default: a forward records nothing; where no UpdateGradInput is written, Module's replays the forward under autograd).
    /// Example: <c>protected internal override Gradient Gradient => Gradient.Formulas;</c></summary>
    Formulas,
}
