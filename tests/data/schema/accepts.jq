# accepts($schema; $sub; $v): does the value $v meet $sub, a part of
# the shipped JSON Schema $schema? A check without a JSON Schema library
# (CI has none), for the keywords the schema's leaf definitions use:
# $ref (to #/$defs/NAME), anyOf, type, enum, const, pattern, minLength,
# minimum and maximum. Any other keyword is taken as met.
def type_ok($t; $v):
  if $t == "integer" then ($v | type) == "number" and ($v | floor) == $v
  else ($v | type) == $t end;

def accepts($schema; $sub; $v):
  if $sub["$ref"] then
    accepts($schema; $schema["$defs"][$sub["$ref"] | sub("^#/\\$defs/"; "")]; $v)
  else
    (if $sub.anyOf then any($sub.anyOf[]; . as $x | accepts($schema; $x; $v)) else true end) and
    (if $sub.type then any(($sub.type | if type == "array" then .[] else . end); type_ok(.; $v)) else true end) and
    (if $sub.enum then any($sub.enum[]; . == $v) else true end) and
    (if $sub | has("const") then $sub.const == $v else true end) and
    (if $sub.pattern and ($v | type) == "string" then $v | test($sub.pattern) else true end) and
    (if $sub.minLength and ($v | type) == "string" then ($v | length) >= $sub.minLength else true end) and
    (if $sub.minimum and ($v | type) == "number" then $v >= $sub.minimum else true end) and
    (if $sub.maximum and ($v | type) == "number" then $v <= $sub.maximum else true end)
  end;
