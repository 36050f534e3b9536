extension WebhookReceiver {
    /// How the receiver answers a request, scripted per path with
    /// ``WebhookReceiver/script(_:_:times:)``.
    public enum Answer: Sendable, Hashable {
        /// Answer at once with this HTTP status.
        case status(Int)
        /// Say nothing for this long (longer than the client's timeout, to see it give
        /// up), then answer 200 if the client is still there.
        case stall(Duration)
    }
}
