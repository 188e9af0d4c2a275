using System.Collections.Concurrent;

namespace SsmInventory.FakeSsm;

/// <summary>Faults for the next requests: each request, of any operation, takes at most one, first in first out.</summary>
public sealed class FaultQueue
{
    private readonly ConcurrentQueue<Fault> _faults = new();

    public void Enqueue(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Enqueue(fault);
    }

    internal Fault? TakeNext() => _faults.TryDequeue(out var fault) ? fault : null;
}
