DROP TABLE fine_tuned_models;
DROP TABLE fine_tuning_jobs;
DROP TABLE fine_tuning_datasets;
