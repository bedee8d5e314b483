namespace Torch.Nn.Internal;

/// <summary>The parts of Torch7's convolution <c>__tostring__</c> that its 2-D layers share.</summary>
internal static class ConvText
{
    /// <summary>", dW,dH" when the step or the padding is not the default, then ", padW,padH" when padded, as Lua prints them.</summary>
    internal static string Steps(int dW, int dH, int padW, int padH) =>
        (dW != 1 || dH != 1 || padW != 0 || padH != 0 ? $", {dW},{dH}" : "") + (padW != 0 || padH != 0 ? $", {padW},{padH}" : "");

    /// <summary>The 3-D version: ", dT,dW,dH" when the step or the padding is not the default, then ", padT,padW,padH" when padded.</summary>
    internal static string Steps(int dT, int dW, int dH, int padT, int padW, int padH) =>
        (dT != 1 || dW != 1 || dH != 1 || padT != 0 || padW != 0 || padH != 0 ? $", {dT},{dW},{dH}" : "") + Pads(padT, padW, padH);

    /// <summary>", padT,padW,padH" when any is not zero, as Lua's volumetric layers print it.</summary>
    internal static string Pads(int padT, int padW, int padH) => padT != 0 || padW != 0 || padH != 0 ? $", {padT},{padW},{padH}" : "";
}
