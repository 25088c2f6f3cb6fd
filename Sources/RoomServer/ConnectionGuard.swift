import Foundation
import NIOCore
import NIOHTTPTypes
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// How long and how many connections the room keeps open. A phone makes a
/// request in milliseconds and polls every two seconds; a connection that
/// sends half a request, or nothing, holds a descriptor and nothing else.
package struct ConnectionLimits: Sendable {
    /// From the connection (or the last answer) to a whole request: head and body.
    package var requestDeadline: TimeAmount = .seconds(5)
    /// Open connections from one address: a browser opens up to six.
    package var perAddress = 16
    /// Open connections in all; a new one beyond it pushes out the one idle longest.
    package var total: Int

    package init(requestDeadline: TimeAmount = .seconds(5), perAddress: Int = 16, total: Int = ConnectionLimits.totalForDescriptors()) {
        self.requestDeadline = requestDeadline
        self.perAddress = perAddress
        self.total = total
    }

    /// Room for connections within the descriptor limit, some kept back for the room's own files and pipes.
    package static func totalForDescriptors() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
        let soft = limit.rlim_cur == rlim_t.max ? 4096 : Int(clamping: limit.rlim_cur)
        return max(16, min(4096, soft - 64))
    }

    /// Raises the soft descriptor limit to the hard one (up to 8192), so the caps above
    /// are what turns connections away, not a failing accept. Returns the soft limit now.
    @discardableResult
    package static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        let wanted = min(limit.rlim_max, 8192)
        if limit.rlim_cur < wanted {
            limit.rlim_cur = wanted
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(clamping: limit.rlim_cur)
    }
}

/// The room's open connections, shared by all of them: how many per address,
/// and which are waiting for a request (those may be pushed out).
final class ConnectionRegistry: Sendable {
    let limits: ConnectionLimits

    private struct Entry {
        let channel: any Channel
        let address: String
        /// When it began waiting for a request (a counter, not a clock); nil while one is answered.
        var waitingSince: UInt64?
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var perAddress: [String: Int] = [:]
        var tick: UInt64 = 0
    }

    private let state = Mutex(State())

    init(limits: ConnectionLimits) { self.limits = limits }

    /// Takes `channel` in, or says no. At the total, the connection waiting longest for a
    /// request makes way: a slow or idle one, never one being answered.
    func admit(_ channel: any Channel, address: String) -> Bool {
        let (admitted, evicted) = state.withLock { state -> (Bool, (any Channel)?) in
            guard state.perAddress[address, default: 0] < limits.perAddress else { return (false, nil) }
            var evicted: (any Channel)?
            if state.entries.count >= limits.total {
                guard let oldest = state.entries.filter({ $0.value.waitingSince != nil })
                    .min(by: { $0.value.waitingSince! < $1.value.waitingSince! }) else { return (false, nil) }
                evicted = oldest.value.channel
                remove(oldest.key, from: &state)
            }
            state.tick += 1
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, address: address, waitingSince: state.tick)
            state.perAddress[address, default: 0] += 1
            return (true, evicted)
        }
        evicted?.close(promise: nil)
        return admitted
    }

    func waiting(_ channel: any Channel, _ isWaiting: Bool) {
        state.withLock { state in
            state.tick += 1
            state.entries[ObjectIdentifier(channel)]?.waitingSince = isWaiting ? state.tick : nil
        }
    }

    func release(_ channel: any Channel) {
        state.withLock { remove(ObjectIdentifier(channel), from: &$0) }
    }

    var openCount: Int { state.withLock { $0.entries.count } }

    private func remove(_ id: ObjectIdentifier, from state: inout State) {
        guard let entry = state.entries.removeValue(forKey: id) else { return }
        let left = state.perAddress[entry.address, default: 1] - 1
        state.perAddress[entry.address] = left > 0 ? left : nil
    }
}

/// One per connection, after the HTTP decoder: closes a connection that has not
/// sent a whole request within the deadline (from its start, or from the last
/// answer), and keeps the registry's count.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let registry: ConnectionRegistry
    private var deadline: Scheduled<Void>?
    private var admitted = false
    private var started = false

    init(registry: ConnectionRegistry) { self.registry = registry }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        guard registry.admit(context.channel, address: address) else {
            context.close(promise: nil)
            return
        }
        admitted = true
        arm(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            // The whole request is in; the answer is the room's to give.
            deadline?.cancel()
            deadline = nil
            registry.waiting(context.channel, false)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            registry.waiting(context.channel, true)
            arm(context)
        }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop(context)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { stop(context) }

    private func stop(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if admitted { registry.release(context.channel); admitted = false }
    }

    private func arm(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: registry.limits.requestDeadline) {
            channel.close(promise: nil)
        }
    }
}
