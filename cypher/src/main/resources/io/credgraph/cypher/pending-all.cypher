MATCH (p:Pending)
RETURN p {.*} AS p
