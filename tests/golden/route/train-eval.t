# cs-route train reads CSV with a header (the label column found by name:
# label, category or intent) or NDJSON, and writes the same model for the
# same examples and seed whatever the number of threads; another seed is
# another model. cs-route eval cross-validates (stratified folds) or scores
# a model: accuracy, macro-F1, per-intent precision and recall, the most
# confused pairs, calibration (ECE) and the fitted temperature; with a
# threshold and no out-of-scope label, what the threshold sets aside.
--- cmd
cs-route train -q -o one.model --threads 1 "$REPO/examples/intents.csv"
cs-route train -q -o two.model --threads 2 "$REPO/examples/intents.csv"
cs-route train -q -o seed.model --seed 2 "$REPO/examples/intents.csv"
cmp one.model two.model && echo "threads 1 and 2: the same model"
cmp -s one.model seed.model || echo "seed 2: another model"
cs-route train -o nd.model "$REPO/examples/intents.csv" 2>&1
cs-route eval --folds 3 "$REPO/examples/intents.csv" | jq -c '{examples, intents, folds, accuracy, macro_f1, ece, temperature}'
cs-route eval --folds 3 "$REPO/examples/intents.csv" | jq -c '.per_intent[0], .confused[0]'
printf '{"text":"where is my parcel","label":"order_status"}\n{"text":"退款","label":"refund"}\n{"text":"hello there","label":"oos"}\n' > test.ndjson
cs-route eval --folds 3 --threshold 0.5 "$REPO/examples/intents.csv" | jq -c '{accuracy, oos_label, in_scope_accuracy, set_aside}'
cs-route eval --model one.model --threshold 0.5 test.ndjson | jq -c '{examples, accuracy, in_scope_accuracy, oos_recall, oos_label, confused}'
--- stdout
threads 1 and 2: the same model
seed 2: another model
cs-route train: model: 126 examples, 5 intents, 3603 features, temperature 5.090
{"examples":126,"intents":5,"folds":3,"accuracy":0.7302,"macro_f1":0.7192,"ece":0.1042,"temperature":5.0902}
{"intent":"order_status","support":28,"precision":0.7,"recall":0.75,"f1":0.7241}
{"intent":"faq","predicted":"refund","count":5}
{"accuracy":0.6349,"oos_label":null,"in_scope_accuracy":0.6349,"set_aside":0.254}
{"examples":3,"accuracy":0.6667,"in_scope_accuracy":1,"oos_recall":0,"oos_label":"oos","confused":[{"intent":"oos","predicted":"faq","count":1}]}
--- stderr
--- exit
0
