import TagwatchCore

extension CaseloadReader {
    /// Ids are unique within their kind, and every reference names something in the
    /// document: a subject's officer, an order's, an assignment's and an absence's subject.
    mutating func checkReferences(_ caseload: Caseload) {
        checkUnique(caseload.officers.map(\.id), "officers")
        checkUnique(caseload.subjects.map(\.id), "subjects")
        checkUnique(caseload.orders.map(\.id), "orders")
        checkUnique(caseload.absences.map(\.id), "absences")
        let officers = Set(caseload.officers.map(\.id))
        let subjects = Set(caseload.subjects.map(\.id))
        for (index, subject) in caseload.subjects.enumerated() where !officers.contains(subject.officer) {
            problem("$.subjects[\(index)].officer", "no officer has id \"\(subject.officer)\"")
        }
        for (index, order) in caseload.orders.enumerated() where !subjects.contains(order.subject) {
            problem("$.orders[\(index)].subject", "no subject has id \"\(order.subject)\"")
        }
        for (index, device) in caseload.devices.enumerated() where !subjects.contains(device.subject) {
            problem("$.devices[\(index)].subject", "no subject has id \"\(device.subject)\"")
        }
        for (index, absence) in caseload.absences.enumerated() where !subjects.contains(absence.subject) {
            problem("$.absences[\(index)].subject", "no subject has id \"\(absence.subject)\"")
        }
    }

    /// A serial is assigned to at most one subject at a time (caseload.md): no two of its
    /// assignments overlap.
    mutating func checkAssignmentsDoNotOverlap(_ devices: [Assignment]) {
        let bySerial = Dictionary(grouping: devices.indices, by: { devices[$0].serial })
        for serial in bySerial.keys.sorted() {
            let indices = bySerial[serial]!.sorted { devices[$0].from < devices[$1].from }
            for (earlier, later) in zip(indices, indices.dropFirst()) where (devices[earlier].to ?? .max) > devices[later].from {
                problem("$.devices[\(later)]", "\(serial) is already assigned from $.devices[\(earlier)] at that time: a serial is assigned to one subject at a time")
            }
        }
    }

    private mutating func checkUnique(_ ids: [String], _ key: String) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let first = seen[id] {
                problem("$.\(key)[\(index)].id", "\"\(id)\" is already the id of $.\(key)[\(first)]")
            } else {
                seen[id] = index
            }
        }
    }
}
