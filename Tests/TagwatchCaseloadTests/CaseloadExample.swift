/// The example document of caseload.md, verbatim.
enum CaseloadExample {
    static let json = #"""
    {
      "centre": {"name": "North monitoring centre",
                 "notify": {"webhook": "http://127.0.0.1:9310/hooks/centre", "email": "duty@centre.example"}},
      "officers": [
        {"id": "PO-17", "name": "Sam Okafor", "team": "Leeds North",
         "notify": {"webhook": "http://127.0.0.1:9310/hooks/po-17", "email": "sam.okafor@probation.example"}}
      ],
      "subjects": [
        {"id": "S-0001", "officer": "PO-17", "risk": "high", "timezone": "Europe/London",
         "name": "J. Doe"}
      ],
      "orders": [
        {"id": "O-0001", "subject": "S-0001", "type": "curfew",
         "start": "2026-10-01T12:00:00Z", "end": "2027-01-01T12:00:00Z",
         "curfew": [{"days": ["mon","tue","wed","thu","fri"], "from": "19:00", "to": "07:00"},
                    {"days": ["sat","sun"], "from": "21:00", "to": "08:00"}],
         "graceMinutes": 5},
        {"id": "O-0002", "subject": "S-0002", "type": "sobriety",
         "start": "2026-10-15T09:00:00Z", "end": "2027-02-12T09:00:00Z"}
      ],
      "devices": [
        {"serial": "RF-001932", "role": "tag", "subject": "S-0001", "from": "2026-10-01T14:00:00Z"},
        {"serial": "HMU-001932", "role": "hmu", "subject": "S-0001", "from": "2026-10-01T14:00:00Z"},
        {"serial": "TAC-000417", "role": "alcohol", "subject": "S-0002",
         "from": "2026-10-15T11:00:00Z", "to": null}
      ],
      "absences": [
        {"id": "A-0001", "subject": "S-0001", "from": "2026-11-20T18:00:00Z",
         "to": "2026-11-21T02:00:00Z", "reason": "hospital appointment", "approvedBy": "PO-17"}
      ]
    }
    """#
}
