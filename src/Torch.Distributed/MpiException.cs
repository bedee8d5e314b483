namespace Torch.Distributed;

/// <summary>An MPI call failed, or the ranks disagreed about a collective (which one, sizes, types, root); the message names
/// the function, what was expected and what was got. Example: <c>catch (MpiException e) { Console.Error.WriteLine(e.Message); }</c></summary>
public sealed class MpiException : Exception
{
    /// <summary>Creates the exception. Example: <c>new MpiException("mpi.AllReduce: the ranks' tensors differ in size")</c>.</summary>
    public MpiException(string message) : base(message) { }
}
