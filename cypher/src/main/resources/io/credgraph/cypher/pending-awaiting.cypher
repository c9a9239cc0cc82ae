MATCH (p:Pending {awaited: $awaited})
RETURN p {.*} AS p
