# Every label with one example: stratified folds deal each label's first
# example to fold 0, which then holds them all and leaves nothing to train
# on (cs-route crashed training on nothing). cs-route train skips the
# calibration with a notice and fits the temperature on the training
# examples, as --calibrate 0 does; cs-route eval cannot cross-validate and
# says so (status 1). A label with a second example is enough for both.
--- cmd
printf 'text,label\nhello there,greeting\nbye now,farewell\n' > two.csv
printf 'text,label\nhello there,greeting\nbye now,farewell\nwhere is my order,order\n' > three.csv
cs-route train -o two.model two.csv; echo "exit $?"
cs-route train --calibrate 0 -o zero.model two.csv; echo "exit $?"
cmp two.model zero.model && echo "the same model as with --calibrate 0"
cs-route train -o three.model three.csv; echo "exit $?"
echo '{"text":"bye for now"}' | cs-route -m three.model --field text | jq -c '.route.intent'
cs-route eval --folds 5 two.csv; echo "exit $?"
cs-route eval --folds 2 three.csv; echo "exit $?"
cs-route eval --model three.model three.csv | jq -c '{examples, accuracy}'
printf 'hi again,greeting\n' >> three.csv
cs-route train -q -o four.model three.csv; echo "exit $?"
cs-route eval --folds 2 three.csv | jq -c '{examples, intents, folds}'
--- stdout
exit 0
exit 0
the same model as with --calibrate 0
exit 0
"farewell"
exit 1
exit 1
{"examples":3,"accuracy":1}
exit 0
{"examples":4,"intents":3,"folds":2}
--- stderr
cs-route train: calibration skipped: every label has one example, which no fold can both train on and hold out; the temperature is fitted on the training examples, as with --calibrate 0
cs-route train: model: 2 examples, 2 intents, 60 features, temperature 100.000
cs-route train: model: 2 examples, 2 intents, 60 features, temperature 100.000
cs-route train: calibration skipped: every label has one example, which no fold can both train on and hold out; the temperature is fitted on the training examples, as with --calibrate 0
cs-route train: model: 3 examples, 3 intents, 104 features, temperature 100.000
cs-route eval: 2 examples, one for each label: cross-validation needs a label with two examples or more (one to train on, one to hold out); or evaluate a model with --model
cs-route eval: 3 examples, one for each label: cross-validation needs a label with two examples or more (one to train on, one to hold out); or evaluate a model with --model
--- exit
0
